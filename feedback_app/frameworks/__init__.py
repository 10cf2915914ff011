"""Standards frameworks (Section 11, section 175, case audits): YAML files in frameworks/, validated."""

from feedback_app.frameworks.loader import FrameworkError, definition_from_data, framework_files, load_file
from feedback_app.frameworks.model import FrameworkDefinition, Level, Prompt, Standard

__all__ = ["FrameworkDefinition", "FrameworkError", "Level", "Prompt", "Standard", "definition_from_data",
           "framework_files", "load_file"]
