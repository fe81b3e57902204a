package com.ipexpert.query.paging;

import com.ipexpert.edge.errors.ApiException;

/** A page of a list as clients ask for it: {@code page} from 1, {@code pageSize} 1..100 (defaults 1 and 10). */
public record Paging(int page, int pageSize) {
    public static final int MAX_PAGE_SIZE = 100;

    public static Paging of(Integer page, Integer pageSize) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? 10 : pageSize;
        if (p < 1) throw ApiException.badRequest("page counts from 1");
        if (size < 1 || size > MAX_PAGE_SIZE) throw ApiException.badRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        return new Paging(p, size);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
