module github.com/factcheckwidget/factcheck

go 1.26.0

require (
	github.com/blevesearch/snowballstem v0.9.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.44.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
