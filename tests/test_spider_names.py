"""House rule: one spider per file; file name, ``name`` and class name agree."""

import importlib
import inspect
import pkgutil

import scrapy

import crawler.spiders


def spider_modules():
    return [importlib.import_module(f"crawler.spiders.{m.name}")
            for m in pkgutil.iter_modules(crawler.spiders.__path__)]


def test_every_spider_file_holds_one_spider_named_after_it():
    modules = spider_modules()
    assert modules, "no spiders found"
    for module in modules:
        stem = module.__name__.rsplit(".", 1)[1]
        spiders = [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                   if issubclass(cls, scrapy.Spider) and cls.__module__ == module.__name__ and getattr(cls, "name", None)]
        assert len(spiders) == 1, f"{module.__name__} should define exactly one spider"
        [spider] = spiders
        assert spider.name == stem
        assert spider.__name__.lower() == stem.replace("_", "") + "spider"
