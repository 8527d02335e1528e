"""Times Alembic's up-to-date check (`alembic upgrade head` with nothing pending) on N revisions,
the peer figure for RunPathBenchmark's fresh-JVM check. Usage: alembic_uptodate.py N DSN WORKDIR
Prints the wall time of a whole `python3 -m alembic upgrade head` process (interpreter start, imports,
reading the revisions, connecting) and of command.upgrade in a warm process."""
import os, subprocess, sys, time, statistics
n, dsn, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
versions = os.path.join(work, "versions"); os.makedirs(versions, exist_ok=True)
with open(os.path.join(work, "alembic.ini"), "w") as f:
    f.write(f"[alembic]\nscript_location = {work}\nsqlalchemy.url = {dsn}\n")
with open(os.path.join(work, "env.py"), "w") as f:
    f.write("""from alembic import context
from sqlalchemy import engine_from_config, pool
config = context.config
engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
""")
with open(os.path.join(work, "script.py.mako"), "w") as f:
    f.write("")
for i in range(n):
    down = "None" if i == 0 else repr(f"r{i-1:04d}")
    with open(os.path.join(versions, f"r{i:04d}.py"), "w") as f:
        f.write(f"from alembic import op\nrevision = 'r{i:04d}'\ndown_revision = {down}\nbranch_labels = None\ndepends_on = None\n"
                f"def upgrade():\n    op.execute('CREATE TABLE t{i:04d} (id int)')\ndef downgrade():\n    op.execute('DROP TABLE t{i:04d}')\n")
cmd = [sys.executable, "-m", "alembic", "-c", os.path.join(work, "alembic.ini"), "upgrade", "head"]
subprocess.run(cmd, check=True, capture_output=True)  # applies everything once
walls = []
for _ in range(7):
    t = time.perf_counter(); subprocess.run(cmd, check=True, capture_output=True); walls.append(time.perf_counter() - t)
from alembic.config import Config
from alembic import command
cfg = Config(os.path.join(work, "alembic.ini"))
warm = []
for _ in range(7):
    t = time.perf_counter(); command.upgrade(cfg, "head"); warm.append(time.perf_counter() - t)
print(f"alembic up-to-date check of {n} revisions: whole process median {statistics.median(walls)*1000:.0f} ms "
      f"(min {min(walls)*1000:.0f}); command.upgrade in a warm process median {statistics.median(warm)*1000:.0f} ms")
