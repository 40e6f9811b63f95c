"""What CONTRIBUTING.md promises holds: the pre-commit hook strips every notebook, the guide points
only inside the project, and every `make` target it names exists."""

import re

import yaml

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _nbstripout_hook() -> dict:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["entry"] == "nbstripout"]
    assert len(hooks) == 1, "one nbstripout hook"
    return hooks[0]


def test_nbstripout_hook_covers_every_notebook():
    hook = _nbstripout_hook()
    assert NOTEBOOKS
    for path in NOTEBOOKS:  # pre-commit matches `files` with re.search on the repository path
        assert re.search(hook["files"], path.relative_to(ROOT).as_posix()), path.name


def test_nbstripout_hook_is_pinned_and_keeps_what_is_committed():
    hook = _nbstripout_hook()
    assert hook["language"] == "python"
    assert [d.split("==")[0] for d in hook["additional_dependencies"]] == ["nbstripout"]
    assert re.fullmatch(r"nbstripout==\d+(\.\d+)+", hook["additional_dependencies"][0])
    args = hook["args"]
    assert "--keep-id" in args, "without it nbstripout renumbers the committed cell ids"
    extra_keys = args[args.index("--extra-keys") + 1].split()
    assert {"metadata.papermill", "cell.metadata.papermill"} <= set(extra_keys)


def test_contributing_guide_points_only_inside_the_project():
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    targets = re.findall(r"\]\(([^)]+)\)", guide)
    assert targets, "the guide links to DEVELOPERS.md"
    for target in targets:
        assert "://" not in target and not target.startswith("/"), target
        assert (ROOT / target.split("#")[0]).exists(), target
    assert "://" not in guide


def test_make_targets_in_the_guide_exist():
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    named = set(re.findall(r"(?:^|`)make (\w+)", guide, re.MULTILINE))  # in code blocks and `make x`
    assert named >= {"install", "test", "lab"}
    for target in named:
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"make {target}"
