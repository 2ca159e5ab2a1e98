"""The data model: Pydantic schemas of the framework, journey and improvement files."""

from journeyctl.model.framework import Framework
from journeyctl.model.improvement import Improvement
from journeyctl.model.journey import Journey

__all__ = ["Framework", "Improvement", "Journey"]
