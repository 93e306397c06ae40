package jixiao.importer;

/** A file that cannot be imported at all; the message is Chinese, names the file and says what to do. */
public final class ImportException extends Exception {

    ImportException(String message) {
        super(message, null, false, false);
    }
}
