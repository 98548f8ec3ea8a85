"""The Qt window: models, views, widgets and workers over `reader.core`."""
