"""The Qt layer: windows, models and workers that display and drive ``desktop.core``."""
