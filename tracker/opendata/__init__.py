"""Open data: the published part of the register as bulk downloads (CSV and JSON, with a Frictionless
Data Package describing them), written by `publish_open_data` into OPEN_DATA_DIR and served without
a login under /public/data/.

resources.py says what each file holds (and reads only what is public); writer.py writes the files
atomically; views.py serves them."""
