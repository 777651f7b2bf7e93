package io.croupier.adapter.in.http;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * OpenAPI schema of a stored document: any JSON object whose field names do not start with {@code
 * $}. No code uses this type; the OpenAPI annotations name it.
 */
@Schema(
    type = "object",
    description =
        "Any JSON object of at most 64 KiB as compact JSON, nested at most 32 levels, with no field"
            + " name that starts with $",
    additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
interface Document {}
