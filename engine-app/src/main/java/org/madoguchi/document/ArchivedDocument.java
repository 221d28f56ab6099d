package org.madoguchi.document;

import java.time.Instant;

/**
 * A signed application in the paperless archive: its SHA-256, and the hash of the document stored before it.
 */
public record ArchivedDocument(String id, String visitId, String formId, String title, String sha256,
    String previousSha256, long chainPosition, Instant createdAt) {
}
