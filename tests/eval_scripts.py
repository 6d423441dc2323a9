"""Loading an evaluation script of eval/ as a module, for tests of its readers and scorers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parent.parent / "eval"


def load_eval(script: str) -> ModuleType:
    """``eval/<script>.py`` as the module ``eval_<script>`` (eval/ goes on the path for its imports)."""
    if str(EVAL) not in sys.path:
        sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location(f"eval_{script}", EVAL / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
