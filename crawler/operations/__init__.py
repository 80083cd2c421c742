"""Running crawls unattended: targets file, scheduler, monitors, progress, Scrapyd dispatch."""
