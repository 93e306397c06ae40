package jixiao.compare;

/** One field that differs between the two sides. */
public sealed interface Change permits TextChange, NumberChange {

    Field field();

    default Visibility visibility() {
        return field().visibility();
    }
}
