package com.plccoach.migrations;

/**
 * One revision file an importer (MyBatis Migrations, ...) made from another tool's script, ready
 * to be written into the scripts directory.
 *
 * @param id       its revision id
 * @param fileName the file name to write it under (the other tool's, so imported files stay familiar)
 * @param content  the whole file, header included
 */
public record ImportedRevision(String id, String fileName, String content) {

    @Override
    public String toString() {
        return id + " (" + fileName + ")";
    }
}
