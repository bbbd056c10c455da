"""The read-only open-data API at /api/v1/ (README, "Open-data API"), built on Django REST framework."""
