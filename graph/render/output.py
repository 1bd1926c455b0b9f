"""Write an output file atomically (exports, the HTML view)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import StoreError


def write_atomically(output: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``output``, then rename it.

    Readers see the old file or the new one, never half of one; on failure the
    temporary file is removed and a one-line :class:`StoreError` raised.
    """
    folder = output.resolve().parent
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private; give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, output)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise StoreError(f"Cannot write {output}: {exc.strerror or exc}.") from None
