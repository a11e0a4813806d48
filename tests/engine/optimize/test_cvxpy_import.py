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


def test_another_thread_importing_scipy_stats_meanwhile_gets_the_real_module() -> None:
    code = textwrap.dedent(
        """
        import sys, threading
        errors = []
        def optimizer():
            import engine.optimize
        def statistics():
            try:
                import scipy.stats
                scipy.stats.norm.cdf(0.0)
            except Exception as exc:
                errors.append(repr(exc))
        threads = [threading.Thread(target=optimizer), threading.Thread(target=statistics)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        assert hasattr(sys.modules["scipy.stats"], "norm")
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_any_error_in_the_trick_degrades_to_a_plain_import() -> None:
    code = textwrap.dedent(
        """
        import importlib.util, sys
        spec = importlib.util.spec_from_file_location("ci", "engine/optimize/_cvxpy_import.py")
        ci = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(ci)
        def broken():
            sys.modules["scipy.stats"] = ci._StandIn("scipy.stats")  # half done, then fails
            raise RuntimeError("new cvxpy layout")
        ci._import_with_stand_in = broken
        ci.import_cvxpy()
        import cvxpy, scipy.stats
        assert hasattr(scipy.stats, "norm") and not isinstance(scipy.stats, ci._StandIn)
        x = cvxpy.Variable()
        cvxpy.Problem(cvxpy.Minimize(cvxpy.square(x - 1))).solve(solver=cvxpy.CLARABEL)
        assert abs(x.value - 1) < 1e-6
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
