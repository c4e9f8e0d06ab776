package standards

const syllableTableEntries = 0

const syllableTable = ""
