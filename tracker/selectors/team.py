"""Reading what concerns one staff member."""


def user_name(user) -> str:
    """How a staff member is named on the pages: their full name, else their user name."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
