"""The one SparkSession of a process, and a clear message when Spark cannot start.

Starting Spark costs about 15 s (a JVM, then Spark's own start-up), so one
session serves every batch of a process: the CLI run, a test session, a
benchmark. What Spark needs that pip cannot install (Java 17 or later) and
what the `spark` extra installs (pyspark, pyarrow) are checked first, so a
missing piece is one sentence naming what to install, not a Java or import
traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings

#: the start of pyspark 4's warning about pandas 3, silenced here and in Spark's executors
PYSPARK_PANDAS_WARNING = "PySpark does not yet fully support pandas"


def before_pyspark() -> None:
    """Make ready for GX importing pyspark, which it does whenever pyspark is installed (the spark extra).

    NOTE: two traps of pyspark 4 met here. Its import warns on every run that
    pandas 3 is not fully supported (auditor's Spark engine is tested with
    pandas 3). And in a process whose `__main__` has neither a spec nor a file
    (a spawned worker of `auditor serve`, `python -c`), pyspark takes itself
    to be running doctests and calls sys.exit(0) when grpc is missing: the
    server's workers died during start-up. Such a `__main__` is given a file.
    Kept here, in a module that imports nothing of auditor, so that whatever
    may import GX (compiling rules, validating, a Spark session) can call it.
    """
    warnings.filterwarnings("ignore", message=PYSPARK_PANDAS_WARNING, category=FutureWarning)
    main = sys.modules.get("__main__")
    if main is not None and getattr(main, "__spec__", None) is None and not hasattr(main, "__file__"):
        main.__file__ = "<auditor>"


JAVA_MIN = 17
#: Rows one pandas UDF call may get, and so the most rows one partition of an entity table may hold
#: (tables.py keeps them under this). NOTE: not "unlimited": Spark 4 allocates the UDF's input
#: vectors at this size up front (2**31 rows failed with OutOfMemoryError), and a UDF over a cached
#: table without a filter gets the cache's batches, so the cache's batch size is raised with it.
BATCH_ROWS = 500_000
#: What auditor's rules need of Spark (see udf.py): one Arrow batch per partition, so a document's
#: rows are never split between two calls of a group-wise check.
REQUIRED_CONF = {
    "spark.sql.execution.arrow.maxRecordsPerBatch": str(BATCH_ROWS),
    "spark.sql.inMemoryColumnarStorage.batchSize": str(BATCH_ROWS),
    "spark.sql.execution.arrow.maxBytesPerBatch": str(2**31 - 1),
}
LOCAL_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"  # see _local
_session = None


class SparkUnavailable(RuntimeError):
    """Spark cannot run here; `messages` says why and what to install, in Chinese and English."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.messages = {"zh": zh, "en": en}


def check_requirements() -> None:
    """Raise SparkUnavailable unless pyspark, pyarrow and Java 17+ are all here."""
    missing = [name for name in ("pyspark", "pyarrow") if not _importable(name)]
    if missing:
        names = " 和 ".join(missing)
        raise SparkUnavailable(
            f"--engine spark 需要 {names}：请运行 pip install 'auditor[spark]'（还需要 Java {JAVA_MIN} 或更高版本）",
            f"--engine spark needs {' and '.join(missing)}: pip install 'auditor[spark]' "
            f"(Java {JAVA_MIN} or later is needed too)",
        )
    java = java_version()
    if java is None:
        raise SparkUnavailable(
            f"--engine spark 需要 Java {JAVA_MIN} 或更高版本，但没有找到 java：请安装 JDK（如 apt-get install "
            f"openjdk-{JAVA_MIN}-jre-headless），或设置 JAVA_HOME",
            f"--engine spark needs Java {JAVA_MIN} or later and found no java: install a JDK (e.g. apt-get install "
            f"openjdk-{JAVA_MIN}-jre-headless) or set JAVA_HOME",
        )
    if java < JAVA_MIN:
        raise SparkUnavailable(
            f"--engine spark 需要 Java {JAVA_MIN} 或更高版本，当前是 Java {java}：请安装更新的 JDK，或把 JAVA_HOME 指向它",
            f"--engine spark needs Java {JAVA_MIN} or later, found Java {java}: install a newer JDK or point "
            f"JAVA_HOME at one",
        )


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def java_version() -> int | None:
    """The major version of the java Spark would start (JAVA_HOME's, else PATH's), or None."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.isfile(java):
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # NOTE: Java 8 calls itself "1.8"


def default_master(jobs: int | None = None) -> str:
    return f"local[{jobs or os.cpu_count() or 1}]"


def get_session(master: str | None = None, jobs: int | None = None):
    """The process's SparkSession, started on `master` (default local[jobs or cores]) the first time.

    A later call reuses it, unless it names another master: then the session is stopped and started anew.
    """
    global _session
    if _session is not None and not _stopped(_session):
        if master is None or _session.sparkContext.master == master:
            return _session
        stop()
    check_requirements()
    before_pyspark()
    # NOTE: under spark-submit the master is spark-submit's (--master yarn, k8s://...): not overridden here
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    master = master or (None if submitted else default_master(jobs))
    local = bool(master) and master.startswith("local")
    if local:
        # NOTE: the executors' Python is this one (with auditor installed); on a cluster it is the
        # cluster's (PYSPARK_PYTHON), and auditor must be installed there.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("auditor")
    if master:
        builder = builder.master(master)
    for key, value in {**REQUIRED_CONF, **(_local(master) if local else {}), **_quiet(local)}.items():
        builder = builder.config(key, value)
    try:
        _session = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - a bad master or a JVM that would not start: said in one line
        reason = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        where = master or "spark-submit --master"
        raise SparkUnavailable(
            f"Spark 未能在 {where} 上启动：{reason}（Spark 自己的说明见上方）",
            f"Spark could not start on {where}: {reason} (Spark's own account is above)",
        ) from exc
    _session.sparkContext.setLogLevel("ERROR")
    return _session


def _local(master: str) -> dict[str, str]:
    """Settings for one machine, where a run is many small Spark jobs on a few cores.

    NOTE: measured in local[2] on the sample: GX asks three or four jobs of
    every expectation, and their cost was the JVM's, not the data's: with adaptive
    execution off, one shuffle partition per core, and the JVM's quick JIT
    only (the optimising one compiled for 35 s of CPU in a 75 s validation),
    start-up went from 9.1 to 6.3 s and a cold validation from 76 to 53 s.
    """
    cores = re.match(r"local\[(\d+|\*)", master)
    n = (cores.group(1) if cores.group(1) != "*" else str(os.cpu_count() or 1)) if cores else "1"
    conf = {"spark.sql.adaptive.enabled": "false", "spark.sql.shuffle.partitions": n}
    if not os.environ.get("SPARK_CONF_DIR"):
        # NOTE: in local mode the executors live in the driver's JVM, whose default 1 GB holds a few
        # thousand reports' tables; a quarter of this machine's memory (at most 8 GB) holds 10,000
        conf["spark.driver.memory"] = f"{max(1, min(8, _memory_gb() // 4))}g"
    return conf


def _memory_gb() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**30
    except (ValueError, OSError, AttributeError):
        return 4


def _quiet(local: bool) -> dict[str, str]:
    """Spark's progress bars and start-up log off the terminal; a cluster's own logging is left alone."""
    conf = {
        "spark.ui.showConsoleProgress": "false",
        "spark.executorEnv.PYTHONWARNINGS": f"ignore:{PYSPARK_PANDAS_WARNING}:FutureWarning",
    }
    if local and not os.environ.get("SPARK_CONF_DIR"):
        conf["spark.ui.enabled"] = "false"
        conf["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile=file:{_log4j_file()} {LOCAL_JVM}"
    return conf


_LOG4J = """\
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
# NOTE: the root at warn, the level Spark gives a shell (pyspark is one), else Spark announces on every
# start that it changes it; the session then sets errors only (get_session). Start-up's one warning:
logger.native.name = org.apache.hadoop.util.NativeCodeLoader
logger.native.level = error
"""


def _log4j_file() -> str:
    """Spark's start-up log quiet, written where every local run finds it (a JVM reads it at start)."""
    path = os.path.join(tempfile.gettempdir(), "auditor-spark-log4j2.properties")
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.read() == _LOG4J:
                return path
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_LOG4J)
    return path


def _stopped(session) -> bool:
    return session.sparkContext._jsc is None


def stop() -> None:
    """Stop the process's session (the next `get_session` starts a new one)."""
    global _session
    if _session is not None:
        _session.stop()
        _session = None
