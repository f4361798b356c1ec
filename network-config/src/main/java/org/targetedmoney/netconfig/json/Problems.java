package org.targetedmoney.netconfig.json;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a file is checked, so all of them can be reported together. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(String path, String message) {
        list.add(new Problem(path, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }
}
