importScripts("/v1/sites/demo/push/sw.js");
