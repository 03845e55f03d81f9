package org.invoicepipeline.sandbox.validation;

import java.util.ArrayList;
import java.util.List;

/** An immutable JSON path (object keys and array indexes) used in validation issues. */
public record JsonPath(List<Object> elements) {

    public static final JsonPath ROOT = new JsonPath(List.of());

    public JsonPath child(Object element) {
        List<Object> next = new ArrayList<>(elements);
        next.add(element);
        return new JsonPath(List.copyOf(next));
    }

    public Object[] toArray() {
        return elements.toArray();
    }

    /** The last key, or the whole path as dotted text, for messages. */
    public String name() {
        return elements.isEmpty() ? "body" : String.valueOf(elements.get(elements.size() - 1));
    }
}
