"""Every failure the core expects derives from ReaderError, so the window, the CLI and the workers catch one type."""

import importlib
import inspect
import pkgutil

import reader.core
from reader.core.errors import ReaderError, one_line
from reader.core.files import ArticleError


def _core_modules():
    for info in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
        yield importlib.import_module(info.name)


def test_every_exception_class_of_the_core_is_a_reader_error():
    stray = [
        f"{module.__name__}.{name}"
        for module in _core_modules()
        for name, obj in vars(module).items()
        if inspect.isclass(obj)
        and issubclass(obj, BaseException)
        and obj.__module__ == module.__name__
        and not issubclass(obj, ReaderError)
    ]
    assert stray == []


def test_a_reason_is_one_line_and_the_message_names_the_file():
    error = ArticleError("articles/x.txt", "not\nreadable  text")
    assert error.reason == "not readable text"
    assert str(error) == "articles/x.txt: not readable text"
    assert one_line(ReaderError("a\n b")) == "a b"
    assert one_line(ValueError()) == "ValueError"
