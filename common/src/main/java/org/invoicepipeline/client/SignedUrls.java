package org.invoicepipeline.client;

/** Signed URLs carry their credentials in the query string: this is what may be logged or put in a message. */
public final class SignedUrls {

    private SignedUrls() {
    }

    /** The URL without its query string and fragment. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        int query = url.indexOf('?');
        if (query >= 0) {
            cut = query;
        }
        int fragment = url.indexOf('#');
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return cut == url.length() ? url : url.substring(0, cut) + "?<redacted>";
    }
}
