/** The vendors the knowledge base knows by name (the API normalises their spellings). */
export const VENDORS = ['Huawei', 'Cisco', 'H3C', 'Juniper', 'ZTE', 'Ruijie'];
