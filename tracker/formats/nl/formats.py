# Dutch month abbreviations are written in lower case: "26 mei 2019".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
DATETIME_FORMAT = "j F Y, H:i"
