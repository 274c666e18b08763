"""kehoach: turn Vietnamese plan documents (Kế hoạch) into validated structured data."""

__version__ = "0.1.0"
