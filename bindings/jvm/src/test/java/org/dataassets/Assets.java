package org.dataassets;

/**
 * Builds asset JSON the way a platform would from its own records. The tests start from the
 * library's example asset and replace fields by text; a real platform serializes its objects
 * with its JSON library instead.
 */
final class Assets {
    private Assets() {}

    /** Returns the example asset with another id and name. */
    static String withId(String id, String name) throws DataAssetsException {
        return DataAssets.exampleAssetJson()
                .replace("\"id\": \"GL-2025-001\"", "\"id\": \"" + id + "\"")
                .replace("\"name\": \"不动产登记数据\"", "\"name\": \"" + name + "\"");
    }

    /** Replaces the value of a top-level field written as {@code "field": old}. */
    static String set(String json, String field, String oldValue, String newValue) {
        String from = "\"" + field + "\": " + oldValue;
        if (!json.contains(from)) {
            throw new IllegalArgumentException("no " + from + " in the asset JSON");
        }
        return json.replace(from, "\"" + field + "\": " + newValue);
    }
}
