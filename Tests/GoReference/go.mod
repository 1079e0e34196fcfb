module mignet.test/goreference

go 1.19
