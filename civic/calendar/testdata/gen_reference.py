#!/usr/bin/python3
"""Make the independent reference lists the calendar tests read.

Run with Debian's python3 (apt-get install -y python3-holidays python3-dateutil):

    /usr/bin/python3 civic/calendar/testdata/gen_reference.py

It writes, beside this script:

  python-holidays-england-2018-2030.txt
      England bank holidays from the `holidays` package (Debian 0.10.1),
      one "YYYY-MM-DD title" a line. That version lists a holiday on its own
      weekend date as well as its substitute ("observed") day, and predates
      the one-off changes of 2022 and 2023, so the test drops weekend dates
      and compares only years without a one-off change.
  easter-1900-2100.txt
      Easter Sunday by dateutil.easter (Western, Gregorian), one a line.
"""
import os

import dateutil
import holidays
from dateutil.easter import easter

here = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(here, "python-holidays-england-2018-2030.txt"), "w") as f:
    f.write("# holidays %s, England, 2018-2030; made by gen_reference.py\n" % holidays.__version__)
    for d, name in sorted(holidays.England(years=range(2018, 2031)).items()):
        f.write("%s %s\n" % (d.isoformat(), name))

with open(os.path.join(here, "easter-1900-2100.txt"), "w") as f:
    f.write("# dateutil %s easter(), Western, 1900-2100; made by gen_reference.py\n" % dateutil.__version__)
    for y in range(1900, 2101):
        f.write(easter(y).isoformat() + "\n")
