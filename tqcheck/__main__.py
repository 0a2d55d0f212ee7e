"""``python -m tqcheck``: the ``tqcheck`` command."""
from .cli import main

main()
