"""Nothing a visitor submits to a tool is kept: not in logs, not in error reports.

Tool views never log and never cache; what is left is what Django itself does when a
request fails. Its `django.request` records carry the request (a handler could render
its body) and the exception (whose message could quote the text); its error reports
show POST data, uploaded file names, each frame's local variables and the exception's
message. For requests to a tool, the logging filter drops the request and the message,
and the reporter below shows none of these.
"""

import logging
from typing import Any

from django.http import HttpRequest
from django.views import debug

WITHHELD = "[withheld: a text tool's request]"
# Every text tool's page and API (the APIs of the tools still to come included).
TOOL_PATHS = (
    "/tools/",
    "/api/redact-phi",
    "/api/detect-icd10cm",
    "/api/case2code",
    "/api/claim-check",
    "/api/casepilot",
)


def carries_text(request: HttpRequest | None) -> bool:
    return request is not None and str(getattr(request, "path", "")).startswith(TOOL_PATHS)


class Withheld(Exception):
    """Stands for an exception raised while a tool request was served."""


class NoSubmittedText(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if carries_text(request):
            record.request = None
            record.args = ()
            record.msg = f"{record.levelname.title()} in a text tool: {request.path}"  # type: ignore[union-attr]
            if record.exc_info:
                record.exc_info = (Withheld, Withheld(WITHHELD), record.exc_info[2])
                record.exc_text = None
        return True


class ExceptionReporterFilter(debug.SafeExceptionReporterFilter):
    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        if carries_text(request):
            return dict.fromkeys(request.POST, WITHHELD)  # type: ignore[union-attr]
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request: HttpRequest | None, tb_frame: Any) -> Any:
        if carries_text(request):
            return [(name, WITHHELD) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)


class ExceptionReporter(debug.ExceptionReporter):
    """Django's report, without the exception's message, its causes' messages or the
    uploaded files' names when the request was a tool's."""

    def __init__(
        self,
        request: HttpRequest | None,
        exc_type: Any,
        exc_value: Any,
        tb: Any,
        is_email: bool = False,
    ) -> None:
        if carries_text(request) and exc_value is not None:
            exc_type, exc_value = Withheld, _withheld(exc_value)
        super().__init__(request, exc_type, exc_value, tb, is_email)

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if carries_text(self.request):
            data["request_FILES_items"] = [(name, WITHHELD) for name in self.request.FILES]  # type: ignore[union-attr]
            data["filtered_POST_items"] = [(name, WITHHELD) for name in self.request.POST]  # type: ignore[union-attr]
        return data


def _withheld(exc_value: BaseException) -> Withheld:
    """A stand-in with the original traceback but no message and no chained causes."""
    stand_in = Withheld(WITHHELD)
    stand_in.__traceback__ = exc_value.__traceback__
    stand_in.__suppress_context__ = True
    return stand_in
