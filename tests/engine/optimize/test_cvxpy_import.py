from __future__ import annotations

import subprocess
import sys
import textwrap


def test_scipy_stats_skipped_at_import_and_real_afterwards() -> None:
    code = textwrap.dedent(
        """
        import sys
        import engine.optimize
        assert "cvxpy" in sys.modules
        assert "scipy.stats" not in sys.modules, "scipy.stats was imported with cvxpy"
        import scipy.stats
        assert hasattr(scipy.stats, "norm"), "a later import must get the real module"
        from cvxpy.atoms.quantum_rel_entr import entropy
        import numpy as np
        assert abs(entropy(np.array([0.5, 0.5])) - np.log(2)) < 1e-12
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
