"""What the local pool's fork server loads once, before it forks each worker (``build._pool_context``).

Imported for its effect, by the fork server only: the extraction code, Arrow and the warehouse's schemas
(``tables``), and every lexicon and pattern extraction compiles on first use, loaded by extracting a short
sample document here. Each worker forked from this state starts ready, instead of loading the same again
(about 50 ms a worker, and the pool replaces its workers every ``POOL_RECYCLE_BATCHES`` batches).
"""
from __future__ import annotations

from .process import FileTask, process_file
from .tables import tables_of  # noqa: F401  (what the pool's tasks run)

SAMPLE = ("2024年国务院政府工作报告\n\n一、2023年工作回顾\n\n国内生产总值增长5.2%,城镇新增就业1244万人。\n\n"
          "二、2024年主要预期目标\n\n国内生产总值增长5%左右;城镇新增就业1200万人以上。").encode()

WARMED = process_file(FileTask("2024年国务院政府工作报告.txt", "0" * 64, len(SAMPLE), 0, {}, SAMPLE))
