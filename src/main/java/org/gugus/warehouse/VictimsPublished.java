package org.gugus.warehouse;

/**
 * Victim records of an office were inserted or changed in the warehouse: a file was published
 * ({@code fileId}) or a corrected row ({@code correctionId}). Published inside the publishing
 * transaction, so listeners that resolve the new records run after it commits.
 */
public record VictimsPublished(Long fileId, Long correctionId, String officeCode) {

    public static VictimsPublished ofFile(long fileId, String officeCode) {
        return new VictimsPublished(fileId, null, officeCode);
    }

    public static VictimsPublished ofCorrection(long correctionId, String officeCode) {
        return new VictimsPublished(null, correctionId, officeCode);
    }
}
