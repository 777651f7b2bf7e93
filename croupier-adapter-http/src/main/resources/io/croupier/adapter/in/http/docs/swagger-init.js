// Starts Swagger UI on the OpenAPI document next to /docs. The validator is off, because it would
// send the document to an outside service.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    displayRequestDuration: true,
  });
});
