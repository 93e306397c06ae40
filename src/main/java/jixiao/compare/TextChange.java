package jixiao.compare;

/** A text field that differs: either side is null when the field is not written there. */
public record TextChange(Field field, String from, String to) implements Change {
}
