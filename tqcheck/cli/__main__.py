"""``python -m tqcheck.cli``: the ``tqcheck`` command."""
from . import main

main()
