"""Reads an Alembic project with Alembic itself and writes, for PLC Coach Migrations' import-alembic:

  <out>/revisions.tsv   one line per revision, parents first: index, id, parents, branch labels,
                        depends_on (resolved ids), create date, message, path (tab-separated, lists comma-separated)
  <out>/<index>.up.sql, <index>.down.sql      the SQL of upgrade() and downgrade(), rendered offline
  <out>/<index>.up.error, <index>.down.error  why a part could not be rendered (then no .sql)
  <out>/<index>.autocommit                    present when the revision uses an autocommit block
  <out>/url                                   sqlalchemy.url of the config, when set (read once, then deleted)

Usage: python3 alembic_export.py <alembic.ini> <out dir>
Rendering uses Alembic's own MigrationContext in as_sql mode around each revision's upgrade() and
downgrade(), one revision at a time, so merges and roots render like any other revision and no
version-table statement or BEGIN/COMMIT is emitted; env.py is not run (it would want a database).
Exit codes: 0 done, 3 Alembic missing, 4 the project cannot be read.
"""
import contextlib
import io
import os
import re
import sys
import traceback

try:
    from alembic.config import Config
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
except ImportError as missing:
    sys.stderr.write("ALEMBIC_MISSING %s (%s)\n" % (missing, sys.executable))
    sys.exit(3)


class NeedsDatabase(Exception):
    pass


def _no_bind(self):
    raise NeedsDatabase("op.get_bind() reads the database, which offline rendering cannot do")


Operations.get_bind = _no_bind


def render(function):
    """The SQL one migration function emits in offline mode, and whether it used an autocommit block."""
    buffer = io.StringIO()
    context = MigrationContext.configure(dialect_name="postgresql",
                                         opts={"as_sql": True, "output_buffer": buffer})
    used = []

    @contextlib.contextmanager
    def autocommit_block():
        # Alembic would write COMMIT/BEGIN around the block; the revision is marked non-transactional instead
        used.append(True)
        yield

    context.autocommit_block = autocommit_block
    with Operations.context(context):
        function()
    return buffer.getvalue(), bool(used)


def one_line(text):
    return re.sub(r"\s+", " ", text or "").strip()


def ids(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def main(ini, out):
    config = Config(ini)
    try:
        scripts = ScriptDirectory.from_config(config)
        revisions = list(scripts.walk_revisions())
    except Exception as e:
        sys.stderr.write("CANNOT_READ %s\n" % one_line(str(e)))
        sys.exit(4)
    revisions.reverse()
    url = config.get_main_option("sqlalchemy.url")
    if url:
        fd = os.open(os.path.join(out, "url"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(url)
    lines = []
    for index, script in enumerate(revisions):
        created = re.search(r"Create Date:\s*(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})", script.module.__doc__ or "")
        dependencies = getattr(script, "_resolved_dependencies", None) or ids(script.dependencies)
        lines.append("\t".join([str(index), script.revision, ",".join(ids(script.down_revision)),
                                ",".join(sorted(getattr(script, "_orig_branch_labels", None) or [])), ",".join(dependencies),
                                created.group(1).replace("T", " ") if created else "",
                                one_line(script.doc), os.path.relpath(script.path)]))
        for part in ("up", "down"):
            function = getattr(script.module, "upgrade" if part == "up" else "downgrade", None)
            base = os.path.join(out, "%d.%s" % (index, part))
            try:
                if function is None:
                    raise NeedsDatabase("the revision has no %s() function" % ("upgrade" if part == "up" else "downgrade"))
                sql, autocommit = render(function)
            except Exception as e:
                frames = traceback.extract_tb(e.__traceback__)
                # name the revision's own line when the error passed through it
                own = [f for f in frames if os.path.abspath(f.filename) == os.path.abspath(script.path)]
                last = (own or frames)[-1]
                with open(base + ".error", "w", encoding="utf-8") as f:
                    f.write("%s: %s (%s, line %d)" % (type(e).__name__, one_line(str(e)),
                                                       os.path.relpath(last.filename), last.lineno))
                continue
            with open(base + ".sql", "w", encoding="utf-8") as f:
                f.write(sql)
            if autocommit:
                open(os.path.join(out, "%d.autocommit" % index), "w").close()
    with open(os.path.join(out, "revisions.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
