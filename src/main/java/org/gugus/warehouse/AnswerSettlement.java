package org.gugus.warehouse;

/**
 * What an answer workbook settled in the file it answers: its rejected rows now corrected, and
 * those still wrong (left open as they were, without a second open copy from the answer).
 */
public record AnswerSettlement(long fileId, long answersFileId, int corrected, int stillOpen) {
}
