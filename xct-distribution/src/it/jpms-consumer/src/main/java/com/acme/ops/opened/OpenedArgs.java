package com.acme.ops.opened;

/** Package-private, in a package open to Jackson: Jackson can construct it. */
record OpenedArgs(String name) {}
