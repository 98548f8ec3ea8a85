"""Building the wheel: pyproject.toml says everything but this. The sample articles and resources/ (stylesheet,
icon, the gazetteer) live beside the package in the repository; a wheel carries them inside it, where
reader.core.paths.shipped() looks first."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("articles", "resources")


class BuildWithShipped(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads them where they are
            return
        for name in SHIPPED:
            target = Path(self.build_lib, "reader", name)
            shutil.rmtree(target, ignore_errors=True)  # a build folder left from before may hold removed files
            shutil.copytree(name, target)


setup(cmdclass={"build_py": BuildWithShipped})
