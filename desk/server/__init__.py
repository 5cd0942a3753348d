"""The city server (`desk server`): the one holder of the database credentials, the signing keys and
the rights. It runs the same use cases (`desk/services`) the desk runs in-process, behind a versioned
HTTPS API (`/api/v1`, OpenAPI at `/api/v1/openapi.json`). No Qt here. See docs/city.md."""
