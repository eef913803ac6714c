"""The Flask app class: flask-openapi3, with the spec made honest.

flask-openapi3 documents error bodies as `application/json` and 422 as a
bare list; this API answers every error with one problem+json body, so the
generated document is corrected to say so, and every operation gets a
`default` problem response (405, 413, 500 ... can happen anywhere).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Response, render_template_string
from flask_openapi3 import Info, OpenAPI
from pydantic import ValidationError

from .errors import PROBLEM_TYPE, problem
from .schemas import Problem

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
SECURITY_SCHEMES = {"bearer": {"type": "http", "scheme": "bearer",
                               "description": "a token from `reactiongraph token create`"}}
WRITE_SECURITY: list[dict[str, list[str]]] = [{"bearer": []}]


def _validation_problem(exc: ValidationError) -> Response:
    errors = json.loads(exc.json(include_url=False, include_context=False, include_input=False))
    return problem(422, "Unprocessable Content", "the request did not validate", errors=errors)


class ReactionGraphAPI(OpenAPI):
    """The reactiongraph Flask app."""

    def __init__(self, import_name: str, **kwargs: Any) -> None:
        from . import __version__
        super().__init__(import_name, info=Info(title="reactiongraph", version=__version__),
                         security_schemes=SECURITY_SCHEMES, validation_error_status=422,
                         validation_error_model=Problem, validation_error_callback=_validation_problem,
                         doc_prefix="/api", doc_url="/openapi.json", **kwargs)
        self.add_url_rule("/api/docs", "swagger_docs", self._swagger)

    @staticmethod
    def _swagger() -> str:
        from flask_openapi3_swagger.templates import swagger_html_string
        # The page's asset links are relative ("swagger/js/..."), served from the
        # flask-openapi3-swagger package under /api/swagger/: nothing leaves the machine.
        return render_template_string(swagger_html_string, doc_url="openapi.json", swagger_config=None,
                                      oauth_config=None)

    def generate_spec_json(self) -> None:
        super().generate_spec_json()
        self.spec_json["openapi"] = "3.1.0"
        for path_item in self.spec_json["paths"].values():
            for operation in path_item.values():
                responses = operation.setdefault("responses", {})
                for status, response in list(responses.items()):
                    if status != "default" and int(status) >= 400:
                        responses[status] = {"description": response.get("description", "error"),
                                             "content": {PROBLEM_TYPE: {"schema": PROBLEM_REF}}}
                responses["default"] = {"description": "an error, as problem details",
                                        "content": {PROBLEM_TYPE: {"schema": PROBLEM_REF}}}
