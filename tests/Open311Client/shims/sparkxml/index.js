// open311 0.0.12 requires sparkxml at load time but calls it only for XML; these tests use its JSON format.
exports.parseXml = () => { throw new Error('sparkxml shim: the XML format is not used by these tests'); };
