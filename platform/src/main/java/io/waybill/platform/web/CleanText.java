package io.waybill.platform.web;

/**
 * What characters a request's text may hold. A name, code or id is one line of visible text: control
 * characters (C0, DEL, C1), the Unicode line and paragraph separators and unpaired surrogates (which no encoding
 * can store or show) are refused. A long text (notes, descriptions, addresses) may also hold tabs and line breaks.
 */
public final class CleanText {

    private static final char LINE_SEPARATOR = '\u2028';
    private static final char PARAGRAPH_SEPARATOR = '\u2029';

    private CleanText() {
    }

    public static boolean isClean(String text, boolean longText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR
                    || Character.isISOControl(c) && !(longText && isLayout(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLayout(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }
}
